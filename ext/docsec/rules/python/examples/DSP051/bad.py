import jwt as pyjwt
from fastapi import Header, HTTPException
from jose import jwt as jose_jwt


def current_user(authorization: str = Header(...)):
    raw = authorization.removeprefix("Bearer ")
    payload = pyjwt.decode(raw, options={"verify_signature": False})  # expect: DSP051
    if payload.get("role") != "admin":
        raise HTTPException(status_code=403)
    return payload["sub"]


NO_CHECKS = {"verify_signature": False, "verify_aud": False}
claims = jose_jwt.decode(id_token, key="", options=NO_CHECKS)  # expect: DSP051
legacy = pyjwt.decode(session_cookie, verify=False)  # expect: DSP051
anything = pyjwt.decode(raw_token, signing_key, algorithms=["HS256", "none"])  # expect: DSP051
