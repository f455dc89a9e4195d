php -S 0.0.0.0:8000 -t public/  # expect: DSS009
FLASK_RUN_HOST=0.0.0.0 flask run  # expect: DSS009
python -m flask run -h 0.0.0.0 -p 5000  # expect: DSS009
npx vite --host 0.0.0.0  # expect: DSS009
bin/rails server -b 0.0.0.0  # expect: DSS009
mkdocs serve -a 0.0.0.0:8000  # expect: DSS009
