from django.contrib import admin
from django.utils.html import format_html


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "colored_name"]

    @admin.display(description="Name")
    def colored_name(self, obj):
        html = '<span style="color: #%s;">%s %s</span>' % (obj.color_code, obj.first_name, obj.last_name)
        return format_html(html)  # expect: DSP022
