import os
import pickle


class Exploit:
    def __reduce__(self):
        return (os.system, ("cat /etc/passwd",))


payload = pickle.dumps(Exploit())
pickle.loads(payload)  # expect: DSP005
