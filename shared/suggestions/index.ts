export { checkSuggestion } from "./checkSuggestion";
export type { SuggestionAuthor, SuggestionCheck, SuggestionRefusal } from "./checkSuggestion";
export { acceptedBody, applyDecision, decideSuggestions } from "./decideSuggestions";
export type { SuggestionDecision } from "./decideSuggestions";
export { listSuggestions } from "./listSuggestions";
export type { OpenSuggestion } from "./listSuggestions";
export { isSuggestionMark, suggestionMarkOf } from "./suggestionMarks";
export type { SuggestionKind } from "./suggestionMarks";
export { acceptedBodyJson } from "./acceptedBodyJson";
