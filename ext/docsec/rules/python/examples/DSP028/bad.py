from django.http import JsonResponse


def delete_project(request, project_id):
    assert request.user.is_staff, "staff only"  # expect: DSP028
    Project.objects.filter(pk=project_id).delete()
    return JsonResponse({"deleted": project_id})


def edit_post(request, post):
    assert post.author == request.user  # expect: DSP028
    post.save()


def transfer(user, amount):
    assert user.has_perm("bank.transfer")  # expect: DSP028
    assert amount > 0
    ledger.move(user, amount)


@app.route("/admin")
def admin_panel():
    assert current_user.is_admin  # expect: DSP028
    return render_template("admin.html")
