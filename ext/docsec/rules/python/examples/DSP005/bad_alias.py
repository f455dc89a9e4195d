from pickle import loads as l
import cPickle
import dill

obj = l(blob)  # expect: DSP005
state = dill.loads(session_bytes)  # expect: DSP005
data = cPickle.Unpickler(stream).load()  # expect: DSP005
