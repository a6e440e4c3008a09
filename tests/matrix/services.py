ROWS = []


def build(objects: dict) -> None:
    pass
