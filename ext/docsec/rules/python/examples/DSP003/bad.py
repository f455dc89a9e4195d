import builtins

expression = input("> ")
result = eval(expression)  # expect: DSP003
config = eval(open("settings.txt").read())  # expect: DSP003
value = eval(request.args.get("value"), {"__builtins__": {}})  # expect: DSP003
total = builtins.eval(formula)  # expect: DSP003
