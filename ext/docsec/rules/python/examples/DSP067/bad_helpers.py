import os

UPLOAD_DIR = "/srv/uploads"


def read_report(name):
    with open("/srv/reports/" + name) as handle:  # expect: DSP067
        return handle.read()


def delete_upload(filename):
    os.remove(os.path.join(UPLOAD_DIR, filename))  # expect: DSP067
