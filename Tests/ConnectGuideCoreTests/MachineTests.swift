import FuzzSupport
import Testing

@testable import ConnectGuideCore

/// A test store in the reducer-and-test-store style, exhaustive: send an event and state
/// every field it changes. A field that changes without being stated, or is stated and
/// does not change that way, fails the test.
struct TestStore {
    /// One field of `GuideState` and what it must be after the event. `lastChange(where:)`
    /// states the field through a check, for changes whose reasons are long.
    enum Change {
        case selection(Selection)
        case recentlySet([PropertyID])
        case lastChange(SelectionChange?)
        case lastChangeWhere((SelectionChange?) -> Bool)
    }

    /// The fields the store compares, by name: checked against `GuideState`'s stored
    /// properties, so a new field cannot go unasserted.
    static let fields = ["selection", "recentlySet", "lastChange"]

    private(set) var state: GuideState

    init(_ state: GuideState = guide.initialState()) { self.state = state }

    mutating func send(_ event: GuideEvent, _ changes: Change..., sourceLocation: SourceLocation = #_sourceLocation) {
        let before = state
        state = guide.reduce(state, event)
        #expect(guide.isValid(state.selection), "invalid after \(event)", sourceLocation: sourceLocation)
        var stated: Set<String> = []
        for change in changes {
            switch change {
            case .selection(let value):
                stated.insert("selection")
                #expect(state.selection == value, "selection after \(event)", sourceLocation: sourceLocation)
            case .recentlySet(let value):
                stated.insert("recentlySet")
                #expect(state.recentlySet == value, "recentlySet after \(event)", sourceLocation: sourceLocation)
            case .lastChange(let value):
                stated.insert("lastChange")
                #expect(state.lastChange == value, "lastChange after \(event)", sourceLocation: sourceLocation)
            case .lastChangeWhere(let check):
                stated.insert("lastChange")
                #expect(check(state.lastChange), "lastChange after \(event): \(String(describing: state.lastChange))", sourceLocation: sourceLocation)
            }
        }
        let unstated: [(String, Bool)] = [
            ("selection", state.selection != before.selection), ("recentlySet", state.recentlySet != before.recentlySet),
            ("lastChange", state.lastChange != before.lastChange),
        ]
        for (field, changed) in unstated where changed && !stated.contains(field) {
            Issue.record("\(event) changed \(field), which the test does not state", sourceLocation: sourceLocation)
        }
    }
}

@Suite("Selection state machine")
struct MachineTests {
    @Test("choosing API onboarding moves the others to None, Your platform and Platform, with reasons")
    func chooseAPI() {
        var store = TestStore()
        store.send(
            .choose(.onboarding, "api"), .selection(selection("api", "none", "direct", "platform", "platform")), .recentlySet([.onboarding]),
            .lastChangeWhere { change in
                // The rule about the chosen property is named first.
                change?.cause == .chose(.onboarding, "api") && change?.moved.map(\.property) == [.dashboard, .fees, .liability]
                    && change?.moved.map(\.to) == ["none", "platform", "platform"]
                    && change?.moved.allSatisfy { $0.rules.first == "R1" } == true
            })
        // An event that changes nothing says so: the last change is gone.
        store.send(.choose(.dashboard, "nonsense"), .lastChange(nil))
    }

    @Test("preview tells what choosing would change, and choosing does exactly that")
    func previewMatchesChoice() {
        for valid in guide.validSelections {
            let state = guide.initialState(valid)
            for property in guide.properties {
                for option in property.options {
                    let preview = guide.preview(choosing: option.id, for: property.id, in: state)
                    let after = guide.reduce(state, .choose(property.id, option.id))
                    #expect(preview == (after.lastChange?.moved ?? []))
                    #expect(after.selection[property.id] == option.id)
                }
            }
        }
    }

    @Test("choosing an option that fits moves nothing else")
    func compatibleChoice() {
        var store = TestStore()
        // From 2026-11-18.endive Express takes Stripe fees and Stripe liability as they are.
        store.send(
            .choose(.dashboard, "express"), .selection(selection("hosted", "express", "direct", "connectedAccounts", "stripe")),
.recentlySet([.dashboard]), .lastChange(SelectionChange(cause: .chose(.dashboard, "express"), moved: [])))
        // Recommendations are cautions, never moves.
        store.send(
            .choose(.chargeType, "separate"), .selection(selection("hosted", "express", "separate", "connectedAccounts", "stripe")),
.recentlySet([.chargeType, .dashboard]), .lastChange(SelectionChange(cause: .chose(.chargeType, "separate"), moved: [])))
    }

    @Test("ties keep what the user set most recently")
    func tieKeepsRecent() {
        // Stripe liability with no dashboard and hosted onboarding breaks R4: either onboarding
        // becomes embedded or the dashboard becomes Express, one change each; the user's
        // latest choice decides which stays.
        let start = guide.reduce(guide.reduce(guide.initialState(), .choose(.liability, "platform")), .choose(.dashboard, "none"))
        #expect(start.selection == selection("hosted", "none", "direct", "platform", "platform"))
        var keepsDashboard = TestStore(start)
        keepsDashboard.send(
            .choose(.liability, "stripe"), .selection(selection("embedded", "none", "direct", "platform", "stripe")),
            .recentlySet([.liability, .dashboard]),
            .lastChange(SelectionChange(
                cause: .chose(.liability, "stripe"), moved: [MovedProperty(property: .onboarding, from: "hosted", to: "embedded", rules: ["R4"])])))
        var keepsOnboarding = TestStore(start)
        keepsOnboarding.send(
            .choose(.onboarding, "hosted"), .recentlySet([.onboarding, .dashboard, .liability]),
            .lastChange(SelectionChange(cause: .chose(.onboarding, "hosted"), moved: [])))
        keepsOnboarding.send(
            .choose(.liability, "stripe"), .selection(selection("hosted", "express", "direct", "platform", "stripe")),
            .recentlySet([.liability, .onboarding, .dashboard]),
            .lastChangeWhere { $0?.moved.map(\.property) == [.dashboard] && $0?.moved.first?.rules == ["R4"] })
    }

    @Test("a move that is not a tie takes the fewest changes whatever was set recently")
    func fewestChangesFirst() {
        var store = TestStore(guide.reduce(guide.initialState(), .choose(.dashboard, "express")))
        // API onboarding leaves one valid way (R1): the Express Dashboard just chosen goes.
        store.send(
            .choose(.onboarding, "api"), .selection(selection("api", "none", "direct", "platform", "platform")),
            .recentlySet([.onboarding, .dashboard]),
            .lastChangeWhere { $0?.moved.map(\.property) == [.dashboard, .fees, .liability] })
    }

    @Test("reset returns to the defaults and forgets what was set")
    func reset() {
        var store = TestStore(guide.reduce(guide.initialState(), .choose(.onboarding, "api")))
        store.send(
            .reset, .selection(guide.defaults), .recentlySet([]),
            .lastChangeWhere { $0?.cause == .reset && $0?.moved.isEmpty == true })
    }

    @Test("loading an invalid selection lands on the nearest valid one and says why")
    func loadInvalid() {
        var store = TestStore()
        let asked = selection("api", "full", "direct", "platform", "platform")
        // One change makes it valid: the dashboard moves to None (R1).
        store.send(
            .load(asked), .selection(selection("api", "none", "direct", "platform", "platform")),
            .lastChangeWhere { $0?.cause == .loaded && $0?.moved.map(\.property) == [.dashboard] })
    }

    @Test("an option the property does not have changes nothing")
    func unknownOption() {
        var store = TestStore()
        store.send(.choose(.onboarding, "nonsense"))
    }

    @Test("the test store states every field of GuideState")
    func storeIsExhaustive() {
        #expect(Mirror(reflecting: guide.initialState()).children.compactMap(\.label) == TestStore.fields)
    }

    @Test("random event sequences from random valid states stay valid, and every move is explained")
    func randomSequences() {
        var random = SeededGenerator(seed: 0xC0FFEE)
        let properties = guide.propertyIDs
        func randomEvent() -> GuideEvent {
            let property = properties.randomElement(using: &random)!
            let option = guide.property(property).options.randomElement(using: &random)!.id
            switch Int.random(in: 0..<12, using: &random) {
            case 0: return .reset
            case 1..<9: return .choose(property, option)
            default:
                // Any raw combination, valid or not.
                return .load(guide.allSelections.randomElement(using: &random)!)
            }
        }
        for _ in 0..<2_000 {
            var state = guide.initialState(guide.validSelections.randomElement(using: &random)!)
            for _ in 0..<20 {
                let event = randomEvent()
                let next = guide.reduce(state, event)
                #expect(guide.isValid(next.selection), "\(event) from \(state.selection)")
                let target: Selection
                switch event {
                case .choose(let property, let option): target = state.selection.setting(property, to: option)
                case .load(let wanted): target = wanted
                case .reset: target = guide.defaults
                }
                let moved = next.lastChange?.moved ?? []
                // The recorded changes are exactly the properties that ended up other than asked ...
                #expect(Set(moved.map(\.property)) == Set(next.selection.differences(from: target)), "\(event)")
                for move in moved {
                    // ... and each names rules that keeping the asked-for option really breaks.
                    #expect(!move.rules.isEmpty)
                    let kept = next.selection.setting(move.property, to: move.from)
                    let broken = Set(guide.violations(of: kept).map(\.id))
                    #expect(Set(move.rules).isSubset(of: broken))
                }
                // Fewest changes: no valid selection that honours the choice is nearer.
                if case .choose(let property, let option) = event {
                    let nearest = guide.validSelections.filter { $0[property] == option }
                        .map { $0.differences(from: target).count }.min()
                    #expect(moved.count == nearest)
                }
                state = next
            }
        }
    }
}
