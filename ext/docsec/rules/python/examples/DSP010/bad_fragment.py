# no imports: a fragment from the middle of a tutorial
VERIFY = False
r = requests.post(API_URL, data=form, verify=VERIFY, timeout=30)  # expect: DSP010
s3 = boto3.client("s3", endpoint_url="https://minio.local:9000", verify=False)  # expect: DSP010
async with httpx.AsyncClient(verify=False) as client:  # expect: DSP010
    r = await client.get("https://self-signed.local")
