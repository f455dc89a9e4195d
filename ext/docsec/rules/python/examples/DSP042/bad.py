try:
    verify_signature(payload, signature)
except Exception:  # expect: DSP042
    pass

try:
    os.remove(lock_file)
except:  # expect: DSP042
    pass

try:
    user = authenticate(token)
except BaseException: pass  # expect: DSP042
