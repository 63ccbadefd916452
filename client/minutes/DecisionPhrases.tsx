import { standardDecisions } from "../../shared/model/beslutning";

interface DecisionPhrasesProps {
  committeeName: string;
  /** The Beslutning the item's Indstilling suggests, or null when it does not follow the formula. */
  suggestion: string | null;
  /** "2.1", for naming the group to screen readers. */
  itemNumber: string;
  disabled: boolean;
  onInsert: (phrase: string) => void;
}

/**
 * The standard decision phrases one click away, the suggestion from the Indstilling first.
 * A phrase that ends open ("… med den tilføjelse, at ") is shown with an ellipsis: it is to be
 * finished by typing.
 */
export function DecisionPhrases(props: DecisionPhrasesProps) {
  const { committeeName, suggestion, itemNumber, disabled, onInsert } = props;
  const standard = standardDecisions(committeeName);
  const showSuggestion = suggestion !== null && !standard.includes(suggestion);
  return (
    <div
      className="decision-phrases"
      role="group"
      aria-label={`Indsæt formulering i Beslutning for punkt ${itemNumber}`}
    >
      {showSuggestion && (
        <button
          type="button"
          className="phrase-button phrase-suggestion"
          disabled={disabled}
          onClick={() => onInsert(suggestion)}
        >
          <span className="phrase-kind">Forslag ud fra indstillingen:</span> {suggestion}
        </button>
      )}
      {standard.map((phrase) => (
        <button
          key={phrase}
          type="button"
          className={`phrase-button${phrase === suggestion ? " phrase-suggestion" : ""}`}
          disabled={disabled}
          onClick={() => onInsert(phrase)}
        >
          {phrase === suggestion && (
            <span className="phrase-kind">Forslag ud fra indstillingen: </span>
          )}
          {phrase.endsWith(" ") ? `${phrase.trimEnd()} …` : phrase}
        </button>
      ))}
    </div>
  );
}
