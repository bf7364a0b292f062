import FuzzSupport
import Testing

@testable import ConnectGuideCore

/// A test store in the reducer-and-test-store style: send an event, state what must change.
struct TestStore {
    private(set) var state: GuideState

    init(_ state: GuideState = guide.initialState()) { self.state = state }

    mutating func send(_ event: GuideEvent, sourceLocation: SourceLocation = #_sourceLocation, _ check: (GuideState) -> Void = { _ in }) {
        state = guide.reduce(state, event)
        #expect(guide.isValid(state.selection), "invalid after \(event)", sourceLocation: sourceLocation)
        check(state)
    }
}

@Suite("Selection state machine")
struct MachineTests {
    @Test("choosing API onboarding moves the others to None, Your platform and Platform, with reasons")
    func chooseAPI() {
        var store = TestStore()
        store.send(.highlightNext) { #expect($0.highlighted == "embedded") }
        store.send(.highlightNext) { #expect($0.highlighted == "api") }
        store.send(.selectHighlighted) { state in
            #expect(state.selection == selection("api", "none", "direct", "platform", "platform"))
            let change = state.lastChange
            #expect(change?.cause == .chose(.onboarding, "api"))
            #expect(change?.moved.map(\.property) == [.dashboard, .fees, .liability])
            #expect(change?.moved.map(\.to) == ["none", "platform", "platform"])
            #expect(change?.moved.allSatisfy { $0.rules.first == "R1" } == true, "the rule about the chosen property is named first")
            #expect(state.recentlySet == [.onboarding])
        }
        store.send(.focusNext) { state in
            #expect(state.focus == .dashboard)
            #expect(state.highlighted == "none")
            #expect(state.lastChange == nil)
        }
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
        store.send(.choose(.dashboard, "express")) { state in
            // From 2026-11-18.endive Express takes Stripe fees and Stripe liability as they are.
            #expect(state.lastChange?.moved.isEmpty == true)
        }
        store.send(.choose(.chargeType, "separate")) { state in
            // Recommendations are cautions, never moves.
            #expect(state.lastChange?.moved.isEmpty == true)
            #expect(state.selection == selection("hosted", "express", "separate", "connectedAccounts", "stripe"))
        }
    }

    @Test("ties keep what the user set most recently")
    func tieKeepsRecent() {
        // Stripe liability with no dashboard and hosted onboarding breaks R4: either onboarding
        // becomes embedded or the dashboard becomes Express, one change each; the user's
        // latest choice decides which stays.
        var keepsDashboard = TestStore()
        keepsDashboard.send(.choose(.liability, "platform"))
        keepsDashboard.send(.choose(.dashboard, "none")) { state in
            #expect(state.selection == selection("hosted", "none", "direct", "platform", "platform"))
        }
        keepsDashboard.send(.choose(.liability, "stripe")) { state in
            #expect(state.selection == selection("embedded", "none", "direct", "platform", "stripe"))
            #expect(state.lastChange?.moved.map(\.property) == [.onboarding])
            #expect(state.lastChange?.moved.first?.rules == ["R4"])
        }
        var keepsOnboarding = TestStore()
        keepsOnboarding.send(.choose(.liability, "platform"))
        keepsOnboarding.send(.choose(.dashboard, "none"))
        keepsOnboarding.send(.choose(.onboarding, "hosted"))
        keepsOnboarding.send(.choose(.liability, "stripe")) { state in
            #expect(state.selection == selection("hosted", "express", "direct", "platform", "stripe"))
            #expect(state.lastChange?.moved.map(\.property) == [.dashboard])
        }
    }

    @Test("a move that is not a tie takes the fewest changes whatever was set recently")
    func fewestChangesFirst() {
        var store = TestStore()
        store.send(.choose(.dashboard, "express"))
        store.send(.choose(.onboarding, "api")) { state in
            // API onboarding leaves one valid way (R1): the Express Dashboard just chosen goes.
            #expect(state.selection == selection("api", "none", "direct", "platform", "platform"))
            #expect(state.lastChange?.moved.map(\.property) == [.dashboard, .fees, .liability])
        }
    }

    @Test("reset returns to the defaults and keeps the focus")
    func reset() {
        var store = TestStore()
        store.send(.choose(.onboarding, "api"))
        store.send(.focus(.fees))
        store.send(.reset) { state in
            #expect(state.selection == guide.defaults)
            #expect(state.focus == .fees)
            #expect(state.highlighted == "connectedAccounts")
            #expect(state.recentlySet.isEmpty)
        }
    }

    @Test("loading an invalid selection lands on the nearest valid one and says why")
    func loadInvalid() {
        var store = TestStore()
        store.send(.load(selection("api", "full", "direct", "platform", "platform"))) { state in
            #expect(guide.isValid(state.selection))
            #expect(state.selection.differences(from: selection("api", "full", "direct", "platform", "platform")).count == 1)
            #expect(state.lastChange?.moved.count == 1)
        }
    }

    @Test("focus and highlight wrap and clamp as a list does")
    func navigation() {
        var store = TestStore()
        store.send(.focusPrevious) { #expect($0.focus == .liability) }
        store.send(.focusNext) { #expect($0.focus == .onboarding) }
        store.send(.highlightPrevious) { #expect($0.highlighted == "hosted") }
        store.send(.highlightLast) { #expect($0.highlighted == "api") }
        store.send(.highlightNext) { #expect($0.highlighted == "api") }
        store.send(.highlightFirst) { #expect($0.highlighted == "hosted") }
        store.send(.highlight("nonsense")) { #expect($0.highlighted == "hosted") }
        store.send(.choose(.onboarding, "nonsense")) { #expect($0.selection == guide.defaults) }
    }

    @Test("random event sequences from random valid states stay valid, and every move is explained")
    func randomSequences() {
        var random = SeededGenerator(seed: 0xC0FFEE)
        let properties = PropertyID.allCases
        func randomEvent() -> GuideEvent {
            let property = properties.randomElement(using: &random)!
            let option = guide.property(property).options.randomElement(using: &random)!.id
            switch Int.random(in: 0..<12, using: &random) {
            case 0: return .focusNext
            case 1: return .focusPrevious
            case 2: return .focus(property)
            case 3: return .highlightNext
            case 4: return .highlightPrevious
            case 5: return .highlight(option)
            case 6, 7: return .selectHighlighted
            case 8, 9: return .choose(property, option)
            case 10: return Int.random(in: 0..<8, using: &random) == 0 ? .reset : .highlightLast
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
                #expect(guide.property(next.focus).option(next.highlighted) != nil)
                let target: Selection?
                switch event {
                case .choose(let property, let option): target = state.selection.setting(property, to: option)
                case .selectHighlighted: target = state.selection.setting(state.focus, to: state.highlighted)
                case .load(let wanted): target = wanted
                case .reset: target = guide.defaults
                default:
                    target = nil
                    #expect(next.selection == state.selection, "\(event) must not change the selection")
                }
                if let target {
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
                }
                state = next
            }
        }
    }
}
