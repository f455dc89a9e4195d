from datasets import load_dataset
from sentence_transformers import SentenceTransformer
from transformers import AutoModel, AutoTokenizer, pipeline

checkpoint = "acme-labs/genome-encoder"
tokenizer = AutoTokenizer.from_pretrained(checkpoint, trust_remote_code=True)  # expect: DSP050
model = AutoModel.from_pretrained(  # expect: DSP050
    checkpoint,
    torch_dtype="auto",
    trust_remote_code=True,
)
generator = pipeline("text-generation", model=checkpoint, trust_remote_code=True)  # expect: DSP050
corpus = load_dataset("acme-labs/scanned-receipts", split="train", trust_remote_code=True)  # expect: DSP050
embedder = SentenceTransformer("acme-labs/long-embed", trust_remote_code=True)  # expect: DSP050
