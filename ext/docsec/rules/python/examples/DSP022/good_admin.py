from django.contrib import admin
from django.utils.html import format_html


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "colored_name"]

    @admin.display(description="Name")
    def colored_name(self, obj):
        return format_html(
            '<span style="color: #{};">{} {}</span>',
            obj.color_code,
            obj.first_name,
            obj.last_name,
        )
