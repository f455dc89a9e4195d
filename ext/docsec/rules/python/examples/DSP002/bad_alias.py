from os import system as run_command

def notify(message):
    run_command("notify-send '{}'".format(message))  # expect: DSP002
