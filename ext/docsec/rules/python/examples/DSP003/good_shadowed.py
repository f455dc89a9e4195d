from asteval import Interpreter

aeval = Interpreter()


def eval(expression):
    return aeval(expression)


print(eval(user_expression))
