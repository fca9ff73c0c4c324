-- wrk script: POST /v1/orders/placed. NEW_SHARE (0..1, default 0.5) of requests place a new
-- order; the rest update one of the thread's earlier orders. The bearer token comes from TOKEN.
local threads = 0

function setup(thread)
    thread:set("thread_id", threads)
    threads = threads + 1
end

function init(args)
    counter = 0
    placed = 0
    share = tonumber(os.getenv("NEW_SHARE") or "0.5")
    base = (os.time() % 100000) * 1000000000 + thread_id * 100000000
    headers = {
        ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
        ["Content-Type"] = "application/json",
    }
end

function request()
    counter = counter + 1
    local id
    if placed == 0 or math.random() < share then
        placed = placed + 1
        id = base + placed
    else
        id = base + math.random(placed)
    end
    local body = string.format(
        '{"order_id":%d,"total":"%d.%02d","currency":"USD","order_date":"2026-06-22T10:00:00Z","email":"buyer-%d@example.com","financial_status":"paid","line_items":[{"sku":"SKU-1","quantity":1,"price":"19.99"}]}',
        id, counter % 500, counter % 100, id % 50000)
    return wrk.format("POST", "/v1/orders/placed", headers, body)
end

function done(summary, latency, requests)
    io.write(string.format("non-2xx: %d\n", summary.errors.status))
end
