import Foundation
import GradientCombiners
import LinearAlgebra
import Testing

@Test("an unknown combiner name lists the valid ones")
func unknownName() throws {
    #expect(throws: CombinerError.unknownCombiner(name: "pcgard", valid: CombinerKind.names)) {
        try CombinerKind(parsing: "pcgard")
    }
    let message = CombinerError.unknownCombiner(name: "pcgard", valid: CombinerKind.names).description
    #expect(message.contains("mean, sum, pcgrad, cagrad, cagrad-fast, mgda"))
    #expect(throws: CombinerError.self) { try CombinerKind.parseList("mean,,pcgrad") }
    #expect(try CombinerKind.parseList("mean, mgda,cagrad-fast") == [.mean, .mgda, .cagradFast])
}

@Test("a config with an unknown combiner or option name fails with the valid names")
func decodingErrors() throws {
    #expect(try JSONDecoder().decode([CombinerKind].self, from: Data(#"["cagrad-fast"]"#.utf8)) == [.cagradFast])
    let kindError = try decodingFailure([CombinerKind].self, #"["cagrad_fast"]"#)
    #expect(kindError.contains("valid combiners: mean, sum, pcgrad, cagrad, cagrad-fast, mgda"))
    let optionError = try decodingFailure(CombinerOptions.self, #"{"cagradc": 0.9}"#)
    #expect(optionError.contains("unknown combiner option 'cagradc'") && optionError.contains("cagradC"))
    let rescaleError = try decodingFailure(CombinerOptions.self, #"{"cagradRescale": "1/(1+c)"}"#)
    #expect(rescaleError.contains("inverse-one-plus-c"))
    let partial = try JSONDecoder().decode(CombinerOptions.self, from: Data(#"{"cagradC": 0.9, "pcgradOrder": "fixed"}"#.utf8))
    #expect(partial == CombinerOptions(cagradC: 0.9, pcgradOrder: .fixed))
    #expect(try JSONEncoderRoundTrip.roundTrip(CombinerOptions(cagradRescale: .none, fastSubsetSize: 7)) == CombinerOptions(cagradRescale: .none, fastSubsetSize: 7))
}

@Test("out-of-range options are clear errors")
func invalidOptions() {
    #expect(throws: CombinerError.invalidOption(option: "cagradC", value: "-0.1", requirement: "must be a finite number >= 0")) {
        try makeCombiner(kind: .cagrad, options: CombinerOptions(cagradC: -0.1), taskCount: 3, seed: 0)
    }
    #expect(throws: CombinerError.invalidOption(option: "fastSubsetSize", value: "5", requirement: "must be between 1 and the number of tasks (3)")) {
        try makeCombiner(kind: .cagradFast, options: CombinerOptions(fastSubsetSize: 5), taskCount: 3, seed: 0)
    }
    #expect(throws: CombinerError.self) {
        try makeCombiner(kind: .cagradFast, options: CombinerOptions(fastSubsetSize: 0), taskCount: 3, seed: 0)
    }
    #expect(throws: CombinerError.self) {
        try makeCombiner(kind: .mgda, options: CombinerOptions(solverTolerance: 0), taskCount: 3, seed: 0)
    }
    #expect(throws: CombinerError.self) { try makeCombiner(kind: .mean, taskCount: 0, seed: 0) }
    // The subset size only has to fit K for the combiner that reads it.
    #expect(throws: Never.self) { try makeCombiner(kind: .pcgrad, options: CombinerOptions(fastSubsetSize: 5), taskCount: 3, seed: 0) }
}

@Test("NaN or infinite gradients are reported with their tasks and nothing is combined", arguments: CombinerKind.allCases)
func nonFinite(kind: CombinerKind) throws {
    var combiner = try makeCombiner(kind: kind, options: CombinerOptions(fastSubsetSize: 2), taskCount: 3, seed: 0)
    var combined = Matrix(rows: 1, columns: 2, repeating: 7)
    for bad in [Float.nan, .infinity, -.infinity] {
        let gradients = Matrix([[1, 0], [0, bad], [1, 1]])
        #expect(throws: CombinerError.nonFiniteGradient(tasks: [1], detail: "the gradients contain NaN or infinite entries")) {
            try combiner.combine(gradients, into: &combined)
        }
        #expect(combined.storage == [7, 7])
    }
    let huge = Matrix([[1, 0], [3e19, 0], [1, 1]])
    #expect(throws: CombinerError.self) { try combiner.combine(huge, into: &combined) }
}

@Test("wrong shapes and foreign states are errors")
func shapesAndStates() throws {
    var combiner = try makeCombiner(kind: .pcgrad, taskCount: 3, seed: 0)
    var combined = Matrix(rows: 1, columns: 2)
    #expect(throws: CombinerError.self) { try combiner.combine(Matrix(rows: 2, columns: 2), into: &combined) }
    #expect(throws: CombinerError.self) { try combiner.combine(Matrix(rows: 3, columns: 3), into: &combined) }
    let cagradState = try makeCombiner(kind: .cagrad, taskCount: 3, seed: 0).state
    #expect(throws: CombinerError.self) { try combiner.restore(cagradState) }
    let otherCount = try makeCombiner(kind: .pcgrad, taskCount: 4, seed: 0).state
    #expect(throws: CombinerError.self) { try combiner.restore(otherCount) }
}

/// Encodes to JSON and decodes back.
enum JSONEncoderRoundTrip {
    static func roundTrip<Value: Codable>(_ value: Value) throws -> Value {
        try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(value))
    }
}

/// The description of the error that decoding `json` as `type` throws.
private func decodingFailure<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> String {
    do {
        _ = try JSONDecoder().decode(type, from: Data(json.utf8))
    } catch let DecodingError.dataCorrupted(context) {
        return context.debugDescription
    }
    Issue.record("decoding \(json) should fail")
    return ""
}
