# Do not pipe curl into sh: download, check, then run.
curl -fsSLo get-tool.sh https://example.com/get-tool.sh
echo "3f2a...  get-tool.sh" | sha256sum --check
sh get-tool.sh
eval "$(pyenv init -)"
eval "$(ssh-agent -s)"
python -c "import sys; print(sys.stdin.read())" < README.md
