FROM python:3.12
RUN pip install --no-cache-dir jupyterlab && useradd --create-home analyst
USER analyst
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--no-browser"]
