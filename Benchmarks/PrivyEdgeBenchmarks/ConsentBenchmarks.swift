import Benchmark
import PrivyDomain

/// The consent engine over every (from, to) pair of one channel: an API write to an existing
/// contact that has a phone, so each pair takes its real path (event, no-op, unsuppression,
/// welcome SMS, or the read-only and compliance-suppression refusals).
enum ConsentBenchmarks {
    static func register() {
        let email = EmailConsent.allCases.flatMap { from in
            EmailConsent.allCases.map { to in (ConsentRequest(email: to), ConsentState(email: from)) }
        }
        let sms = SMSConsent.allCases.flatMap { from in
            SMSConsent.allCases.map { to in (ConsentRequest(sms: to), ConsentState(sms: from)) }
        }
        register("Consent.emailTransitions", email)
        register("Consent.smsTransitions", sms)
    }

    private static func register(_ name: String, _ pairs: [(ConsentRequest, ConsentState)]) {
        let context = ConsentContext(isCreate: false, hasPhone: true, source: .api)
        Benchmark(name, configuration: Measurement.perCall(.kilo)) { benchmark in
            for index in benchmark.scaledIterations {
                let (request, current) = pairs[index % pairs.count]
                blackHole(ConsentEngine.apply(request, to: current, context: context))
            }
        }
    }
}
