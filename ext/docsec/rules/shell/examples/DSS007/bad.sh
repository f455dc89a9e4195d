sudo apt-get install -y python3-pip && sudo pip3 install -r requirements.txt  # expect: DSS007
sudo -E pip install ansible  # expect: DSS007
