$password = ConvertTo-SecureString "Wint3r-2024!" -AsPlainText -Force  # expect: DSM005
$secure = ConvertTo-SecureString -String 'S3cure#Pass9' -AsPlainText -Force  # expect: DSM005
$apiKey = "k8Jz2vQw9rTn4LpX7sYbQ3mC"  # expect: DSM005
