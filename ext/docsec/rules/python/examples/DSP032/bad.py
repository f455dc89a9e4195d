from multiprocessing.connection import Client, Listener

with Listener(("0.0.0.0", 6000)) as listener:  # expect: DSP032
    with listener.accept() as conn:
        job = conn.recv()  # expect: DSP032

worker = Client(("jobs.internal", 6000))
result = worker.recv()  # expect: DSP032
