const sanitizeHtml = require("sanitize-html");
const DOMPurify = require("dompurify");

const comment = sanitizeHtml(input, {
  allowedTags: sanitizeHtml.defaults.allowedTags.concat(["img"]),
  allowedAttributes: { a: ["href", "name", "target"], img: ["src", "alt"] },
});
const bio = DOMPurify.sanitize(html, { ADD_TAGS: ["my-card"], ADD_ATTR: ["target"] });

const embed = sanitizeHtml(input, { allowedTags: ["p", "iframe"], allowedIframeHostnames: ["www.youtube.com"] });
