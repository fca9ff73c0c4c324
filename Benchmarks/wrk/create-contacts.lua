-- wrk script: POST /v1/contacts with a unique email per request (every request is a new,
-- durable write). The bearer token comes from the TOKEN environment variable.
local threads = 0

function setup(thread)
    thread:set("thread_id", threads)
    threads = threads + 1
end

consents = { "subscribed", "unsubscribed", "never_subscribed", "suppressed" }

function init(args)
    counter = 0
    run = os.time()
    headers = {
        ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
        ["Content-Type"] = "application/json",
    }
end

function request()
    counter = counter + 1
    local consent = consents[counter % #consents + 1]
    local body = string.format('{"email":"bench-%d-%d-%d@example.com","first_name":"Bench","email_consent":"%s"}', run, thread_id, counter, consent)
    return wrk.format("POST", "/v1/contacts", headers, body)
end

function done(summary, latency, requests)
    io.write(string.format("non-2xx: %d\n", summary.errors.status))
end
