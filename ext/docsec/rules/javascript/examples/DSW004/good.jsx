export function Comment({ comment }) {
  return <div className="comment">{comment.body}</div>;
}
export const Logo = () => <span dangerouslySetInnerHTML={{ __html: "<b>docsec</b>" }} />;
