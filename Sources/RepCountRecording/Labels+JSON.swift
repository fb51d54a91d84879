import RepCountCore
import RepCountJSON

extension Labels {
    /// Decodes and validates labels from JSON text (UTF-8 bytes); `file`
    /// names the source in errors, and every error names the field at fault
    /// (`sets[0].reps[1].hold_end`, or `(root)` for the document).
    ///
    /// Members the format does not name are ignored; `side` may be absent or
    /// `null`.
    public static func decode<Bytes: Collection>(_ bytes: Bytes, file: String) throws(RecordingError) -> Labels
    where Bytes.Element == UInt8 {
        let text = Array(bytes)
        let document: JSONValue
        do {
            document = try JSONValue.parse(text)
        } catch {
            throw .invalidLabels(
                file: file, field: LabelsField.root.description,
                reason: "not valid JSON: \(position(ofByte: error.column - 1, in: text)): \(error.reason)")
        }
        let reader = LabelsReader(file: file)
        let root = try reader.object(document, at: .root)
        // In the order of the format, so the first field at fault is the one named.
        let exercise: Exercise = try reader.name(reader.member("exercise", of: root, at: .root), at: .root.member("exercise"))
        let placement: Placement = try reader.name(
            reader.member("placement", of: root, at: .root), at: .root.member("placement"))
        var sets: [LabelledSet] = []
        let setsField = LabelsField.root.member("sets")
        for (s, setValue) in try reader.array(reader.member("sets", of: root, at: .root), at: setsField).enumerated() {
            let setField = setsField.element(s)
            let set = try reader.object(setValue, at: setField)
            let repsField = setField.member("reps")
            var reps: [LabelledRep] = []
            for (r, repValue) in try reader.array(reader.member("reps", of: set, at: setField), at: repsField).enumerated() {
                reps.append(try reader.rep(repValue, at: repsField.element(r)))
            }
            sets.append(LabelledSet(reps: reps))
        }
        let labels = Labels(exercise: exercise, placement: placement, sets: sets)
        try labels.validate(file: file)
        return labels
    }
}

/// "line 3, column 7" (both 1-based, columns in bytes) for the byte at
/// `offset`: labels files are written over many lines, so the parser's byte
/// offset alone would be hard to find.
private func position(ofByte offset: Int, in text: [UInt8]) -> String {
    let before = text.prefix(max(0, offset))
    let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
    let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    return "line \(line), column \(offset - lineStart + 1)"
}

/// Where in a labels document a value sits, written as the errors name it:
/// `sets[0].reps[1].start`, or `(root)` for the document itself.
private struct LabelsField: CustomStringConvertible {
    private var path: String

    static let root = LabelsField(path: "")

    func member(_ name: String) -> LabelsField { LabelsField(path: path.isEmpty ? name : "\(path).\(name)") }
    func element(_ index: Int) -> LabelsField { LabelsField(path: "\(path)[\(index)]") }

    var description: String { path.isEmpty ? "(root)" : path }
}

/// Typed access to a parsed labels document: each accessor either returns
/// the value or throws `RecordingError.invalidLabels` naming the field.
private struct LabelsReader {
    let file: String

    func fail(_ field: LabelsField, _ reason: String) -> RecordingError {
        .invalidLabels(file: file, field: field.description, reason: reason)
    }

    /// "expected a number, found string"; a `null` reads "found null".
    func mismatch(_ field: LabelsField, expected: String, found value: JSONValue) -> RecordingError {
        fail(field, "expected \(expected), found \(value.typeName)")
    }

    func member(_ name: String, of object: [String: JSONValue], at field: LabelsField) throws(RecordingError) -> JSONValue {
        guard let value = object[name] else { throw fail(field.member(name), "missing") }
        return value
    }

    func object(_ value: JSONValue, at field: LabelsField) throws(RecordingError) -> [String: JSONValue] {
        guard let object = value.object else { throw mismatch(field, expected: "an object", found: value) }
        return object
    }

    func array(_ value: JSONValue, at field: LabelsField) throws(RecordingError) -> [JSONValue] {
        guard let array = value.array else { throw mismatch(field, expected: "an array", found: value) }
        return array
    }

    func number(_ value: JSONValue, at field: LabelsField) throws(RecordingError) -> Double {
        guard let number = value.number else { throw mismatch(field, expected: "a number", found: value) }
        return number
    }

    /// A case of `Name` by its raw value, such as `"bird-dog"` for `Exercise.birdDog`.
    func name<Name: RawRepresentable & CaseIterable>(_ value: JSONValue, at field: LabelsField) throws(RecordingError) -> Name
    where Name.RawValue == String {
        guard let text = value.string else { throw mismatch(field, expected: "a string", found: value) }
        guard let name = Name(rawValue: text) else {
            let allowed = Name.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw fail(field, "unknown value '\(text)', expected one of \(allowed)")
        }
        return name
    }

    func rep(_ value: JSONValue, at field: LabelsField) throws(RecordingError) -> Labels.LabelledRep {
        let rep = try object(value, at: field)
        func time(_ name: String) throws(RecordingError) -> Double {
            try number(member(name, of: rep, at: field), at: field.member(name))
        }
        let side: Side?
        switch rep["side"] {
        case nil, .null?: side = nil
        case let value?: side = try name(value, at: field.member("side")) as Side
        }
        return Labels.LabelledRep(
            start: try time("start"), holdStart: try time("hold_start"), holdEnd: try time("hold_end"), end: try time("end"),
            side: side)
    }
}
