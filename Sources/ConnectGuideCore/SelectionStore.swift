import Glibc

/// Why a saved selection could not be used. The file is left as it is, so the caller
/// can report the problem before anything replaces it.
public struct SelectionStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let problem: String

    public var description: String {
        "the saved selection in \(UntrustedText.escaped(path)) cannot be used: \(problem)"
    }
}

/// The last selection, kept for `--resume` in `$XDG_STATE_HOME/connect-guide/last.json`
/// (app.md section 4). The location comes from an environment passed in, so tests and
/// callers decide where it lives.
///
/// Use: `load(in:)` once at start and report a failure (a corrupt file is ignored, never
/// fatal); then `save(_:)` after every change of selection. Loading first is what keeps a
/// corrupt file from being replaced before anyone was told about it.
public struct SelectionStore: Hashable, Sendable {
    /// The version of the file's shape, written into it.
    public static let schema = "connect-guide/selection/v1"
    /// The largest file read as a saved selection; a real one is about 200 bytes.
    public static let sizeLimit = 65_536
    /// How old a temporary file beside the saved selection must be to count as left over
    /// (by a save that was killed); a save in progress takes milliseconds.
    static let staleAge = 60

    public let path: String

    public init(path: String) { self.path = path }

    /// The store at the XDG location for this environment: `$XDG_STATE_HOME` when it is an
    /// absolute path (the XDG spec says to ignore relative ones), else `$HOME/.local/state`.
    /// Nil when neither is set.
    public init?(environment: [String: String]) {
        guard let path = Self.defaultPath(environment: environment) else { return nil }
        self.init(path: path)
    }

    public static func defaultPath(environment: [String: String]) -> String? {
        let stateHome: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            stateHome = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            stateHome = (home.hasSuffix("/") ? String(home.dropLast()) : home) + "/.local/state"
        } else {
            return nil
        }
        return stateHome + "/connect-guide/last.json"
    }

    /// The saved selection; nil when nothing was saved yet. Option ids the guide does not
    /// know make the file unusable; a known combination that breaks a rule is returned as
    /// it is (`Guide.initialState(_:)` moves it to the nearest valid one and says so).
    public func load(in guide: Guide) -> Result<Selection?, SelectionStoreError> {
        removeStaleTemporaryFiles()
        let bytes: [UInt8]
        do {
            guard let read = try AtomicFile.read(path, limit: Self.sizeLimit) else { return .success(nil) }
            bytes = read
        } catch {
            return .failure(SelectionStoreError(path: path, problem: error.problem))
        }
        let file: SelectionFile
        do {
            file = try SelectionFile(ContentNode(value: try JSONValue.parse(bytes), file: path, place: ""))
        } catch let error as JSONSyntaxError {
            return .failure(SelectionStoreError(path: path, problem: "it is not a saved selection (not valid JSON: \(error))"))
        } catch let error as ContentError {
            let place = error.place.isEmpty ? "" : " at \(error.place)"
            return .failure(SelectionStoreError(path: path, problem: "it is not a saved selection (\(error.problem)\(place))"))
        } catch {
            return .failure(SelectionStoreError(path: path, problem: "it is not a saved selection (\(error))"))
        }
        guard file.schema == Self.schema else {
            return .failure(SelectionStoreError(path: path, problem: "unknown format \(UntrustedText.quoted(file.schema)), expected \"\(Self.schema)\""))
        }
        var options: [PropertyID: OptionID] = [:]
        for property in guide.properties {
            guard let value = file.selection[property.id.rawValue] else {
                return .failure(SelectionStoreError(path: path, problem: "no value for \"\(property.id.rawValue)\""))
            }
            guard property.option(OptionID(value)) != nil else {
                let valid = property.options.map(\.id.rawValue).joined(separator: ", ")
                return .failure(SelectionStoreError(
                    path: path, problem: "\(UntrustedText.quoted(value)) is not an option of \(property.id.rawValue); valid: \(valid)"))
            }
            options[property.id] = OptionID(value)
        }
        return .success(Selection { options[$0]! })
    }

    /// Moves an unusable file out of the way, to `last.json.corrupt` (replacing an older
    /// one), so the next save cannot destroy what may be worth a look. The new path, or nil
    /// when it could not be moved.
    public func setAside() -> String? {
        let aside = path + ".corrupt"
        return rename(path, aside) == 0 ? aside : nil
    }

    /// Removes the temporary files (`.last.json.<random>.tmp`) that saves killed before
    /// their rename left beside the saved selection, once they are older than `staleAge`
    /// seconds, so a save running at this moment keeps its own.
    func removeStaleTemporaryFiles(now: Int = Int(time(nil))) {
        let directory = AtomicFile.directoryName(of: path)
        let prefix = "." + AtomicFile.baseName(of: path) + "."
        guard let listing = opendir(directory) else { return }
        defer { closedir(listing) }
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let middle = name.dropFirst(prefix.count).dropLast(".tmp".count)
            guard name.hasPrefix(prefix), name.hasSuffix(".tmp"), !middle.isEmpty, middle.allSatisfy(\.isNumber) else { continue }
            let candidate = directory + "/" + name
            var status = stat()
            guard lstat(candidate, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
                now - Int(status.st_mtim.tv_sec) > Self.staleAge else { continue }
            unlink(candidate)
        }
    }

    /// Writes the selection atomically, creating the directory if needed.
    public func save(_ selection: Selection) throws(FileError) {
        try AtomicFile.createDirectory(AtomicFile.directoryName(of: path))
        try AtomicFile.write(Self.document(for: selection).serialized(), to: path, overwrite: .replace)
    }

    static func document(for selection: Selection) -> JSONValue {
        .object([
            ("schema", .string(schema)),
            ("selection", .object(PropertyID.allCases.map { ($0.rawValue, .string(selection[$0].rawValue)) })),
        ])
    }

}

private struct SelectionFile {
    var schema: String
    var selection: [String: String]

    init(_ node: ContentNode) throws(ContentError) {
        try node.allowFields(["schema", "selection"])
        schema = try node.field("schema").string()
        var selection: [String: String] = [:]
        for (key, value) in try node.field("selection").members() { selection[key] = try value.string() }
        self.selection = selection
    }
}
