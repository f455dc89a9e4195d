def test_admin_can_delete(admin_client, project):
    response = admin_client.post(f"/projects/{project.id}/delete/")
    assert response.status_code == 302
    assert request.user.is_staff


class TestPermissions:
    def check(self, user):
        assert user.has_perm("bank.transfer")
