import Testing
@testable import GLPKBackend

@Suite("GLPK is linked")
struct GLPKLinkTests {
    @Test("the linked library reports a 5.x version")
    func version() {
        #expect(GLPK.version.hasPrefix("5."))
    }
}
