const resetToken = Math.random().toString(36).substring(2);  // expect: DSW008
user.verificationCode = Math.floor(Math.random() * 1000000);  // expect: DSW008
res.cookie("sid", { sessionId: Math.random().toString(16) });  // expect: DSW008
function generatePassword(length) {
  let out = "";
  for (let i = 0; i < length; i++) out += CHARS[Math.floor(Math.random() * CHARS.length)];  // expect: DSW008
  return out;
}
const salt = Math.random().toString(36);  // expect: DSW008
