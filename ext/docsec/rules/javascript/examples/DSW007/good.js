const profile = JSON.parse(Buffer.from(req.cookies.profile, "base64").toString());
const yaml = require("js-yaml");
const config = yaml.load(text);
const message = protobuf.deserialize(buffer);
const settings = serialize.unserialize('{"theme":"dark"}');
