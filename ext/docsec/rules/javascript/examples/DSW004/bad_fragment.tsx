const Preview = ({ html }: { html: string }) => (
  <section dangerouslySetInnerHTML={{ __html: html }} />  // expect: DSW004
);
