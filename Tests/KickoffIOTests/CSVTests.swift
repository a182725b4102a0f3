import Testing

@testable import KickoffIO

@Suite("RFC 4180 reading with physical positions")
struct CSVTests {
    func parse(_ text: String) throws -> CSVTable {
        try CSVTable(file: "t.csv", bytes: Array(text.utf8))
    }

    @Test("a UTF-8 BOM and CRLF line ends are accepted and not part of the first header")
    func bomAndCRLF() throws {
        let t = try CSVTable(file: "t.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("id,name\r\nP1,Ann\r\nP2,Bo\r\n".utf8))
        #expect(t.header.map(\.text) == ["id", "name"])
        #expect(t.records.map { $0.fields.map(\.text) } == [["P1", "Ann"], ["P2", "Bo"]])
        #expect(t.records.map(\.line) == [2, 3])
    }

    @Test("quoted fields hold commas, doubled quotes and line breaks; later lines keep their physical numbers")
    func quotedFields() throws {
        let t = try parse("id,title\nS1,\"Kick, off\"\nS2,\"The \"\"big\"\" one\"\nS3,\"two\r\nlines\nthree\"\nS4,after\n")
        #expect(t.records.map { $0.fields[1].text } == ["Kick, off", "The \"big\" one", "two\r\nlines\nthree", "after"])
        #expect(t.records.map(\.line) == [2, 3, 4, 7])
        #expect(t.records[2].fields[1].line == 4)
        #expect(t.records[3].fields[1].column == 2)
    }

    @Test("blank lines are skipped but counted; a missing final newline is fine")
    func blankLines() throws {
        let t = try parse("id,name\n\nP1,Ann\n\n\nP2,Bo")
        #expect(t.records.map(\.line) == [3, 6])
        #expect(t.records[1].fields.map(\.text) == ["P2", "Bo"])
        let trailing = try parse("id\nP1\n\n\n")
        #expect(trailing.records.count == 1)
    }

    @Test("lone CR line ends count as line breaks")
    func loneCR() throws {
        let t = try parse("id,name\rP1,Ann\rP2,Bo\r")
        #expect(t.records.map(\.line) == [2, 3])
    }

    @Test("an empty quoted field on its own line is a record, not a blank line")
    func emptyQuoted() throws {
        let t = try parse("id\n\"\"\nP1\n")
        #expect(t.records.map { $0.fields[0].text } == ["", "P1"])
    }

    @Test("a trailing comma makes an empty last field")
    func trailingComma() throws {
        let t = try parse("a,b\nx,\n")
        #expect(t.records[0].fields.map(\.text) == ["x", ""])
        #expect(t.records[0].fields[1].column == 2)
    }

    @Test("an unclosed quote is an error at the field where it opened")
    func unclosedQuote() {
        #expect(throws: CSVError(file: "t.csv", line: 3, column: 2, message: "a quoted field is never closed (missing \")")) {
            try parse("id,title\nS1,ok\nS2,\"never\nclosed\n")
        }
    }

    @Test("text after a closing quote is an error with its position")
    func textAfterQuote() {
        #expect(
            throws: CSVError(
                file: "t.csv", line: 2, column: 2,
                message: "unexpected text after a closing quote; a quote inside a quoted field is written as two quotes (\"\")")
        ) {
            try parse("id,title\nS1,\"bad\"x\n")
        }
    }

    @Test("invalid UTF-8 is an error naming the line")
    func invalidUTF8() {
        #expect(throws: CSVError(file: "t.csv", line: 2, column: 2, message: "the text is not valid UTF-8")) {
            try CSVTable(file: "t.csv", bytes: Array("id,name\nP1,".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        }
    }

    @Test("an empty file is an error")
    func emptyFile() {
        #expect(throws: CSVError(file: "t.csv", line: 1, column: nil, message: "the file is empty; expected a header row")) {
            try parse("")
        }
    }

    @Test("writing then reading gives back every field, however awkward")
    func roundTrip() throws {
        let awkward = ["plain", "with, comma", "with \"quote\"", "two\nlines", " padded ", "", "naïve café"]
        var w = CSVWriter(header: ["a", "b", "c", "d", "e", "f", "g"])
        w.row(awkward)
        let t = try parse(w.text)
        #expect(t.records[0].fields.map(\.text) == awkward)
    }

    @Test("cells a spreadsheet would run as a formula are neutralised; plain numbers are not")
    func formulaNeutralisation() throws {
        let hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\tTAB", "\rCR", "=1"]
        var w = CSVWriter(header: ["a", "b", "c", "d", "e", "f", "g"])
        w.row(hostile)
        w.row(["-12.50", "+3", "-0", "12", "-", "1e5", "-1.2.3"])
        let t = try parse(w.text)
        #expect(t.records[0].fields.map(\.text) == hostile.map { "'" + $0 })
        #expect(t.records[1].fields.map(\.text) == ["-12.50", "+3", "-0", "12", "'-", "1e5", "'-1.2.3"])
        // Scenario files written for Kickoff itself keep their cells.
        var raw = CSVWriter(header: ["a"], neutralizesFormulas: false)
        raw.row(["=1"])
        #expect(raw.text == "a\n=1\n")
    }
}
