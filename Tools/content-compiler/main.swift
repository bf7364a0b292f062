// Build-time tool: reads and checks Assets/ and writes it as Swift source (the
// CompileContent plugin runs it). A broken file fails the build with the file, the place
// in it and the problem.
// Usage:
//   content-compiler <assets-directory> <output-directory>   the guide in every locale
//                                                             (ConnectGuideContent)
//   content-compiler --strings <assets-directory> <output.swift>
//                                                             the UI strings in every locale,
//                                                             with the locale checks
//                                                             (ConnectGuideText)
//   content-compiler --cli <assets-directory> <output.swift>
//                                                             the executable's flag per
//                                                             property (connect-guide)
//   content-compiler --text <assets-directory>                the English prose of the content
//                                                             files by key: what a locale's
//                                                             content.json translates
import ConnectGuideCore
import ConnectGuideJSON
import ContentLoader
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

var arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first?.hasPrefix("--") == true ? arguments.removeFirst() : "--guide"
guard (mode == "--text" && arguments.count == 1) || (mode != "--text" && arguments.count == 2),
    ["--guide", "--strings", "--cli", "--text"].contains(mode)
else {
    fail("usage: content-compiler [--strings|--cli] <assets-directory> <output>\n       content-compiler --text <assets-directory>")
}
let directory = URL(fileURLWithPath: arguments[0])

func bytes(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: directory.appendingPathComponent(path).path).map(Array.init)
}

func node(_ path: String) throws(ContentError) -> ContentNode {
    guard let data = bytes(path) else { throw ContentError(file: path, place: "", problem: "the file is missing") }
    do {
        return ContentNode(value: try JSONValue.parse(data), file: path, place: "")
    } catch {
        throw ContentError(file: path, place: "", problem: "not valid JSON (\(error))")
    }
}

/// The locales: each directory of Assets/locales, by name.
func localeCodes() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("locales").path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
}

/// The English UI strings files, by area: Assets/strings/<area>.json.
func areaNames() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("strings").path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
}

func englishContent() throws(ContentError) -> [(file: String, entries: [(key: String, text: String)])] {
    var result: [(file: String, entries: [(key: String, text: String)])] = []
    for (file, _) in ContentText.fields { result.append((file, ContentText.entries(of: try node(file).value, file: file))) }
    return result
}

func locale(_ code: String, areas: [String]) throws(ContentError) -> LocaleFiles {
    guard isLocaleCode(code) else {
        throw ContentError(file: "locales/\(code)", place: "", problem: "a locale directory is named by a language code such as ja or de")
    }
    var localAreas: [StringArea] = []
    let stringsDirectory = directory.appendingPathComponent("locales/\(code)/strings").path
    for file in ((try? FileManager.default.contentsOfDirectory(atPath: stringsDirectory)) ?? []).sorted() where file.hasSuffix(".json") {
        localAreas.append(try StringArea(name: String(file.dropLast(5)), node: node("locales/\(code)/strings/\(file)"), requireOne: false))
    }
    return LocaleFiles(
        code: code, areas: localAreas, content: try LocaleFiles.content(node("locales/\(code)/content.json")),
        glossary: try Glossary(node: node("locales/\(code)/glossary.json")))
}

func isLocaleCode(_ code: String) -> Bool {
    (2...3).contains(code.count) && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) } && code != "en"
}

/// Writes `source` unless the file already holds it, so nothing downstream rebuilds.
func write(_ source: String, to path: String) throws {
    let output = URL(fileURLWithPath: path)
    if (try? String(contentsOf: output, encoding: .utf8)) != source {
        try source.write(to: output, atomically: true, encoding: .utf8)
    }
}

do {
    switch mode {
    case "--text":
        let entries = try englishContent()
        let document = JSONValue.object(entries.map { file, entries in (file, .object(entries.map { ($0.key, .string($0.text)) })) })
        print(document.serialized(), terminator: "")
    case "--strings":
        let areas = areaNames()
        guard areas.contains("common") else { throw ContentError(file: "strings/common.json", place: "", problem: "the file is missing") }
        let english = try areas.map { (name) throws(ContentError) in try StringArea(name: name, node: node("strings/\(name).json"), requireOne: true) }
        for key in ["listPairSeparator", "listSeparator", "listFinalSeparator"]
        where !(english.first { $0.name == "common" }?.entries.contains { $0.key == key } ?? false) {
            throw ContentError(file: "strings/common.json", place: key, problem: "missing: lists are joined with it")
        }
        let content = try englishContent()
        var locales: [LocaleFiles] = []
        for code in localeCodes() {
            let files = try locale(code, areas: areas)
            try files.check(english: english, englishContent: content)
            locales.append(files)
        }
        try write(stringsSource(english: english, locales: locales), to: arguments[1])
    case "--cli":
        var files: [String: [UInt8]] = [:]
        for name in ContentFiles.names { files[name] = bytes(name) }
        try write(commandLineSource(try Guide(files: ContentFiles(files: files))), to: arguments[1])
    default:
        var files: [String: [UInt8]] = [:]
        for name in ContentFiles.names { files[name] = bytes(name) }
        let output = URL(fileURLWithPath: arguments[1])
        try write(bundledGuideSource(try Guide(files: ContentFiles(files: files))), to: output.appendingPathComponent("BundledGuide.swift").path)
        let codes = localeCodes()
        let content = try englishContent()
        for code in codes {
            let translations = try LocaleFiles.content(node("locales/\(code)/content.json"))
            try LocaleFiles(code: code, areas: [], content: translations, glossary: Glossary(node: node("locales/\(code)/glossary.json")))
                .checkContent(content)
            let guide = try Guide(files: ContentFiles(files: files, translations: translations, locale: code))
            try write(bundledGuideSource(guide, locale: code), to: output.appendingPathComponent("BundledGuide-\(code).swift").path)
        }
        try write(bundledGuidesSource(locales: codes), to: output.appendingPathComponent("BundledGuides.swift").path)
    }
} catch let error as ContentError {
    // "path: error: message" is how SwiftPM shows a tool's error as a build error.
    fail("\(directory.appendingPathComponent(error.file).path): error: \(error.description)")
} catch {
    fail("error: content-compiler: \(error)")
}
