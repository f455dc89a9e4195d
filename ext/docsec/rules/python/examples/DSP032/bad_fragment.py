listener = multiprocessing.connection.Listener(("localhost", 6000))
conn = listener.accept()
message = conn.recv()  # expect: DSP032
