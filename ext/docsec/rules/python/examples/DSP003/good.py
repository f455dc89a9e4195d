import ast

import pandas as pd

model.eval()
with torch.no_grad():
    net.eval()
df.eval("c = a + b", inplace=True)
total = pd.eval("df1 + df2")
value = ast.literal_eval(text)
four = eval("2 + 2")
