from fastapi import FastAPI

api = FastAPI()


@api.get("/items/{item_id}")
def read_item(item_id: str):
    return f"Item {item_id}"
