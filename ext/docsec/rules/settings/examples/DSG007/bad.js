const sanitizeHtml = require("sanitize-html");
const DOMPurify = require("dompurify");

const comment = sanitizeHtml(input, { allowedTags: false, allowedAttributes: {} });  // expect: DSG007
const badge = sanitizeHtml(svg, {
  allowedTags: ["svg", "path"],
  allowedAttributes: false,  // expect: DSG007
});
const bio = DOMPurify.sanitize(html, { ADD_TAGS: ["iframe"], ADD_ATTR: ["onload"] });  // expect: DSG007
const options = {
  allowedTags: false,  // expect: DSG007
  allowedAttributes: false,  // expect: DSG007
};
