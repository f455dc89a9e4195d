from django.core.exceptions import PermissionDenied


def delete_project(request, project_id):
    if not request.user.is_staff:
        raise PermissionDenied("staff only")
    Project.objects.filter(pk=project_id).delete()


def mean(values):
    assert len(values) > 0
    return sum(values) / len(values)


result = compute(3)
assert result == 9
assert isinstance(config, dict)


digest = hashlib.sha256(payload).hexdigest()
assert len(digest) == 64
assert compare is not None

# README-style demonstration at module level: the assert shows the API works, it guards no request
vk = sk.verifying_key
signature = sk.sign(b"message")
assert vk.verify(signature, b"message")
