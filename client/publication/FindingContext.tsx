/**
 * A finding's surrounding text with the match marked (`<mark>`), so the person sees it in
 * place. The match is found in the context case-sensitively first, then ignoring case.
 */
export function FindingContext({ context, match }: { context: string; match: string }) {
  let index = context.indexOf(match);
  if (index < 0) index = context.toLowerCase().indexOf(match.toLowerCase());
  if (index < 0 || match === "") return <q className="finding-context">{context}</q>;
  return (
    <q className="finding-context">
      {context.slice(0, index)}
      <mark>{context.slice(index, index + match.length)}</mark>
      {context.slice(index + match.length)}
    </q>
  );
}
