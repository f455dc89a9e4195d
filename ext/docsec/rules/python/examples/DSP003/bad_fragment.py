def calculate(text):
    return eval(text)  # expect: DSP003
