import KickoffCore
import Testing

@Suite struct FiguresTests {
    @Test("money: cents, thousands separators and the sign of small negatives")
    func money() {
        #expect(Figures.money(1_100_787) == "1,100,787.00")
        #expect(Figures.money(-12.34) == "-12.34")  // was "-12.034" in changes.csv's reasons
        #expect(Figures.money(-0.5) == "-0.50")  // was "0.050": the sign was lost below 1
        #expect(Figures.money(0.005) == "0.01")
        #expect(Figures.money(999.999) == "1,000.00")
        #expect(Figures.money(0) == "0.00")
    }

    @Test("plain money for files: no separators, and the sign survives (the generator wrote -12.34 as \"-12.-34\")")
    func plainMoney() {
        #expect(Figures.plainMoney(1_100_787) == "1100787.00")
        #expect(Figures.plainMoney(-12.34) == "-12.34")
        #expect(Figures.plainMoney(-0.5) == "-0.50")
        #expect(Figures.plainMoney(0.005) == "0.01")
        #expect(Figures.plainMoney(0) == "0.00")
    }

    @Test func counted() {
        #expect(Figures.counted(1, "session") == "1 session")
        #expect(Figures.counted(0, "session") == "0 sessions")
        #expect(Figures.counted(2, "plan folder") == "2 plan folders")
        #expect(Figures.counted(3, "person", plural: "people") == "3 people")
    }

    @Test func counts() {
        #expect(Figures.count(0) == "0")
        #expect(Figures.count(999) == "999")
        #expect(Figures.count(1_820) == "1,820")
        #expect(Figures.count(-3_000) == "-3,000")
        #expect(Figures.count(1_234_567) == "1,234,567")
    }
}
