FROM quay.io/jupyter/base-notebook
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--ServerApp.token=''"]  # expect: DSJ001
