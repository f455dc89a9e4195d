cipher = OpenSSL::Cipher.new("des-ede3-cbc")  # expect: DSL008
legacy = OpenSSL::Cipher::DES.new(:CBC)  # expect: DSL008
