const serialize = require("node-serialize");
const profile = serialize.unserialize(Buffer.from(req.cookies.profile, "base64").toString());  // expect: DSW007
const funcster = require("funcster");
const restored = funcster.deepDeserialize(JSON.parse(body));  // expect: DSW007
const yaml = require("js-yaml");
const config = yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });  // expect: DSW007
