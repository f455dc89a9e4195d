FROM python:3.12
RUN pip install --no-cache-dir jupyterlab
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--no-browser", "--allow-root"]  # expect: DSJ002
