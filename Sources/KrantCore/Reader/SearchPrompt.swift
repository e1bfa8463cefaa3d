/// What a key means while a search is being typed.
public enum PromptAction: Hashable, Sendable {
    case input(Character)
    case deleteBackward
    case submit
    case cancel
}

/// The search prompt in the status bar, with the text typed so far.
public struct SearchPrompt: Hashable, Sendable {
    public var text: String

    public init(_ text: String = "") {
        self.text = text
    }

    public enum Outcome: Hashable, Sendable {
        case editing
        case submitted(String)
        case cancelled
    }

    mutating func update(_ action: PromptAction) -> Outcome {
        switch action {
        case .input(let character):
            text.append(character)
            return .editing
        case .deleteBackward:
            text = String(text.dropLast())
            return .editing
        case .submit: return .submitted(text)
        case .cancel: return .cancelled
        }
    }
}
