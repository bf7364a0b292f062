import ConnectGuideDocuments
import Foundation
import Testing

@testable import ConnectGuideCore

/// Every request the guide prints, checked against the typed parameters of Stripe's own
/// Python SDK (stripe-python 16.1.0, generated from Stripe's OpenAPI spec): each
/// parameter name must exist for its endpoint and each enum value must be one it lists.
/// Tools/python-env makes the virtual environment with the SDK on first use.
@Suite("Requests against stripe-python's typed parameters")
struct SDKParameterTests {
    static let checkout = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The request of one API for a selection, as the checker reads it: v1 form pairs,
    /// v2 a JSON body; with the `on_behalf_of` variant's parameters added when asked.
    static func request(_ plan: Plan, _ api: AccountsAPI, onBehalfOf: Bool) -> [String: Any] {
        let configuration = plan.configuration(for: api)
        let parameters = configuration.parameters + (onBehalfOf ? configuration.onBehalfOf : [])
        func value(_ parameter: AccountParameter) -> Any {
            switch parameter.value {
            case .string(let text): text
            case .bool(let flag): api == .v1 ? String(flag) : flag
            case .placeholder(let name, _): "${\(name)}"
            }
        }
        var request: [String: Any] = [
            "label": "\(plan.selection) \(api.rawValue)\(onBehalfOf ? " on_behalf_of" : "")",
            "method": configuration.method, "path": configuration.endpoint,
        ]
        switch api {
        case .v1:
            request["form"] = parameters.map { [$0.name, value($0)] }
        case .v2:
            var body: [String: Any] = [:]
            for parameter in parameters {
                body = inserting(value(parameter), at: parameter.name.split(separator: ".").map(String.init), into: body)
            }
            request["params"] = body
        }
        return request
    }

    static func inserting(_ value: Any, at path: [String], into object: [String: Any]) -> [String: Any] {
        var object = object
        guard let head = path.first else { return object }
        if path.count == 1 {
            object[head] = value
        } else {
            object[head] = inserting(value, at: Array(path.dropFirst()), into: object[head] as? [String: Any] ?? [:])
        }
        return object
    }

    /// Runs Tools/sdk/check_requests.py on the requests; its report and exit status.
    static func check(_ requests: [[String: Any]]) throws -> (status: Int32, output: String) {
        let environment = Process()
        environment.executableURL = checkout.appendingPathComponent("Tools/python-env")
        let pythonPath = Pipe()
        environment.standardOutput = pythonPath
        try environment.run()
        let python = String(decoding: pythonPath.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        environment.waitUntilExit()
        guard environment.terminationStatus == 0 else {
            throw CheckerUnavailable(reason: "Tools/python-env exited \(environment.terminationStatus); see its message above")
        }
        let checker = Process()
        checker.executableURL = URL(fileURLWithPath: python)
        checker.arguments = [checkout.appendingPathComponent("Tools/sdk/check_requests.py").path]
        let input = Pipe()
        let output = Pipe()
        checker.standardInput = input
        checker.standardOutput = output
        try checker.run()
        input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: requests))
        try input.fileHandleForWriting.close()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        checker.waitUntilExit()
        return (checker.terminationStatus, report)
    }

    struct CheckerUnavailable: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    @Test("every account request of every valid selection, v1 and v2, with and without on_behalf_of, uses only the SDK's parameters")
    func everyRequest() throws {
        var requests: [[String: Any]] = []
        for version in [guide, guide.at(StripeAPIVersion("2026-10-28")!)] {
            for selection in version.validSelections {
                let plan = version.plan(for: selection)
                for api in AccountsAPI.allCases {
                    requests.append(Self.request(plan, api, onBehalfOf: false))
                    if !plan.configuration(for: api).onBehalfOf.isEmpty {
                        requests.append(Self.request(plan, api, onBehalfOf: true))
                    }
                }
            }
        }
        // 39 + 27 valid selections, both APIs, plus the variant for destination charges.
        #expect(requests.count > 2 * (39 + 27))
        let result = try Self.check(requests)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("requests checked against stripe-python 16.1.0"))
    }

    @Test("the check fails on a misspelt parameter name and on an enum value the SDK does not list")
    func checkerCatchesMistakes() throws {
        let result = try Self.check([
            ["label": "name", "method": "POST", "path": "/v1/accounts", "form": [["controller[fees][payr]", "account"]]],
            ["label": "value", "method": "POST", "path": "/v2/core/accounts", "params": ["dashboard": "fancy"]],
            ["label": "nested", "method": "POST", "path": "/v2/core/accounts",
             "params": ["configuration": ["recipient": ["capabilities": ["stripe_balance": ["transfers": ["requested": true]]]]]]],
        ])
        #expect(result.status == 1)
        #expect(result.output.contains("name: POST /v1/accounts: controller.fees.payr: no such parameter"))
        #expect(result.output.contains("value: POST /v2/core/accounts: dashboard: 'fancy' is not one of"))
        #expect(result.output.contains("stripe_balance.transfers: no such parameter"))
    }
}
